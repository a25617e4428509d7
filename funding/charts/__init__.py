"""Plotly figures and their data tables for the dashboard, with no Streamlit in sight.

Every builder returns a `Chart`: the figure and the table with the same numbers, which the page
shows as the chart's accessible alternative. Amounts come from `funding.selecting.totals` and
`funding.selecting.breakdowns`, so a bar is the same figure as on a slide or in a spreadsheet; the
builders only lay them out. One module per chart; `layout` and `text` hold what they share.
"""

from funding.charts.breakdown import breakdown_chart, breakdown_dimension, breakdown_title
from funding.charts.by_name import DECK_CHARTS, SLIDES, slide_chart
from funding.charts.comparison import compare_choices, comparison_chart
from funding.charts.details import details_table
from funding.charts.envelopes import envelope_chart
from funding.charts.flow import flow_chart
from funding.charts.headline_figures import Headline, Metric, bounds_text, headline, range_help
from funding.charts.hierarchy import hierarchy_chart
from funding.charts.layout import DEFAULT_COLOUR, DEFAULT_TOP, OKABE_ITO, Chart, Spec, colour_map
from funding.charts.picks import (
    INSTRUMENT,
    PICK_DIMENSIONS,
    PICK_FIELDS,
    describe_picks,
    groups_in,
    narrow,
    pick_dimension_label,
    pick_label,
    pick_values,
    picked_groups,
    picked_tiles,
    picks_as_filters,
    with_picks,
)
from funding.charts.text import plotly_text, wrapped
from funding.charts.timeline import timeline_chart

__all__ = [
    "DECK_CHARTS",
    "DEFAULT_COLOUR",
    "DEFAULT_TOP",
    "INSTRUMENT",
    "OKABE_ITO",
    "PICK_DIMENSIONS",
    "PICK_FIELDS",
    "SLIDES",
    "Chart",
    "Headline",
    "Metric",
    "Spec",
    "bounds_text",
    "breakdown_chart",
    "breakdown_dimension",
    "breakdown_title",
    "colour_map",
    "compare_choices",
    "comparison_chart",
    "describe_picks",
    "details_table",
    "envelope_chart",
    "flow_chart",
    "groups_in",
    "headline",
    "hierarchy_chart",
    "narrow",
    "pick_dimension_label",
    "pick_label",
    "pick_values",
    "picked_groups",
    "picked_tiles",
    "picks_as_filters",
    "plotly_text",
    "range_help",
    "slide_chart",
    "timeline_chart",
    "with_picks",
    "wrapped",
]
