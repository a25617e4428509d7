"""Chart text colours by the WCAG formula, with ratios worked out by hand."""

from __future__ import annotations

import pytest

from funding.charts.legibility import MUTED, TEXT, contrast_ratio, on_white, text_on


def test_contrast_ratio_of_the_extremes_and_of_streamlits_chart_grey() -> None:
    # (1 + 0.05) / (0 + 0.05) = 21. #808495: channels 128, 132, 149 give linear 0.2159, 0.2307,
    # 0.3005, luminance 0.2126*0.2159 + 0.7152*0.2307 + 0.0722*0.3005 = 0.2326; 1.05 / 0.2826 = 3.72.
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((128, 132, 149), (255, 255, 255)) == pytest.approx(3.72, abs=0.01)


def test_text_on_a_fill_picks_the_colour_that_reads_better() -> None:
    # Bluish green #009E73: luminance 0.7152*0.3419 + 0.0722*0.1714 = 0.2569, so black gives
    # 0.3069 / 0.05 = 6.1 and white 1.05 / 0.3069 = 3.4 (plotly chose white).
    assert text_on("#009E73") == "#000000"
    # Blue #0072B2: luminance 0.7152*0.1683 + 0.0722*0.4452 = 0.1525: white 1.05 / 0.2025 = 5.2.
    assert text_on("#0072B2") == "#FFFFFF"
    # Black at 35 % opacity over white is (166, 166, 166): light, so black text.
    assert on_white("#000000", 0.35) == pytest.approx((165.75, 165.75, 165.75))
    assert text_on("#000000", 0.35) == "#000000"


def test_the_chart_text_colours_reach_aa_on_white() -> None:
    white = (255, 255, 255)
    assert contrast_ratio(on_white(TEXT), white) > 14 and contrast_ratio(on_white(MUTED), white) > 8
