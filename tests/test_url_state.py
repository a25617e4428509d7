"""URL-state decisions (app.url_state), as pure functions: what a widget shows, what the URL holds."""

from __future__ import annotations

from app.url_state import (
    DEFAULT_VIEW,
    PRESENT,
    VIEWS,
    choice,
    choices,
    embed_snippet,
    hidden_choices,
    kept_choices,
    kept_url,
    share_link,
    slide_number,
    url_codes,
    view_of,
)

KINDS = ("public", "guarantee", "state_aid_ceiling")


def test_the_url_wins_on_first_load_and_when_it_changed_under_the_session() -> None:
    assert choice(["guarantee"], None, None, KINDS, "public") == "guarantee"  # first load
    assert choice(["nonsense"], None, None, KINDS, "public") == "public"  # invalid: the default
    # The user picked guarantee (URL written); a pasted link now says state_aid_ceiling.
    assert choice(["state_aid_ceiling"], ["guarantee"], "guarantee", KINDS, "public") == "state_aid_ceiling"


def test_the_users_choice_stays_while_the_url_says_what_the_session_wrote() -> None:
    assert choice(["guarantee"], ["guarantee"], "guarantee", KINDS, "public") == "guarantee"
    # A click on the widget: the state changed before the URL was written again.
    assert choice(["guarantee"], ["guarantee"], "state_aid_ceiling", KINDS, "public") == "state_aid_ceiling"
    # No longer offered (another kind filter): the default.
    assert choice([], [], "target", KINDS, "public") == "public"


def test_a_value_that_was_only_the_default_follows_a_new_default() -> None:
    """The default kind depends on the selection: public on "/", ceilings after ?level=MS."""
    assert choice([], [], "public", KINDS, "state_aid_ceiling", last_default="public") == "state_aid_ceiling"
    # Chosen against the default (so in the URL): kept.
    assert (
        choice(["guarantee"], ["guarantee"], "guarantee", KINDS, "state_aid_ceiling", "public") == "guarantee"
    )


def test_multi_choices_keep_order_drop_duplicates_and_values_no_longer_offered() -> None:
    assert choices(["NL", "EU", "NL", "Mars"], None, None, ("EU", "NL")) == ["NL", "EU"]
    assert choices(["EU"], ["EU"], ["EU", "NL"], ("EU", "NL")) == ["EU", "NL"]
    assert choices([], [], ["raw_materials", "financing"], ("financing",)) == ["financing"]


def test_multi_choices_keep_at_most_the_limit_the_first_ones() -> None:
    valid = ("a", "b", "c", "d")
    assert choices(["d", "x", "c", "b", "a"], None, None, valid, 2) == ["d", "c"]  # x is not offered
    assert choices(["a"], ["a"], ["a", "b", "c"], valid, 2) == ["a", "b"]
    assert choices(["a", "b"], None, None, valid) == ["a", "b"]  # no limit


def test_the_url_holds_codes_and_leaves_defaults_out() -> None:
    assert url_codes("public", "public") == []
    assert url_codes("guarantee", "public") == ["guarantee"]
    assert url_codes(["NL", "MS"]) == ["NL", "MS"]


def test_views_and_slides_from_the_url() -> None:
    assert view_of([]) == DEFAULT_VIEW == "overview"
    assert [view_of([v]) for v in VIEWS] == list(VIEWS)
    assert view_of([PRESENT]) == PRESENT and view_of(["../etc"]) == DEFAULT_VIEW
    assert [slide_number(raw, 8) for raw in (None, "3", "99", "0", "x")] == [1, 3, 8, 1, 1]


def test_the_share_link_carries_every_value_encoded() -> None:
    params = [("level", "EU"), ("level", "NL"), ("q", "Horizon Europe & co"), ("lang", "nl")]
    assert (
        share_link("https://host/app", params)
        == "https://host/app?level=EU&level=NL&q=Horizon%20Europe%20%26%20co&lang=nl"
    )
    assert share_link("", [("view", "timeline")]) == "/?view=timeline"  # address not known yet
    assert share_link("https://host/", []) == "https://host/"
    assert share_link("http://127.0.0.1:8501", [("lang", "nl")]) == "http://127.0.0.1:8501/?lang=nl"


def test_the_embed_snippet_is_an_iframe_of_the_view_with_embed_once() -> None:
    params = [("level", "NL"), ("embed", "true"), ("q", 'a"b'), ("embed_options", "dark_theme")]
    snippet = embed_snippet("https://host/", params, 'Funding "EU" & NL')
    # The page's own embed parameters are replaced by one embed=true; & and " escaped for HTML.
    src = "https://host/?level=NL&amp;q=a%22b&amp;embed=true"
    assert snippet == (
        f'<iframe src="{src}" title="Funding &quot;EU&quot; &amp; NL" width="100%" height="900" '
        'style="border:0"></iframe>'
    )


def test_picks_the_filters_hide_stay_in_the_url_and_come_back() -> None:
    url = ["a", "b", "c", "d"]
    # A filter now offers only b: the widget shows b, a c d are hidden and stay in the URL.
    shown = kept_choices(url, url, ["a", "b", "c", "d"], ["b"], [], 6)
    assert shown == ["b"]
    hidden = hidden_choices(url, shown, ["b"], known={"a", "b", "c", "d"})
    assert hidden == ["a", "c", "d"]
    assert kept_url(url, shown, hidden, 6) == url
    # The filter is lifted: the widget's own state still says b, the hidden ones come back, in
    # the URL's order.
    assert kept_choices(url, url, ["b"], ["a", "b", "c", "d", "e"], hidden, 6) == url
    # A pick removed by hand while others are hidden leaves the URL; a new one goes last.
    assert kept_url(url, ["e"], ["a", "c", "d"], 6) == ["a", "c", "d", "e"]
    # An id the data does not hold is not "hidden": it is dropped.
    assert hidden_choices(["a", "zz"], [], [], known={"a"}) == ["a"]
