"""The links a briefing hands out, as query strings: one list for the page and the bench.

The page's background makes those of a view it draws once per dataset (`app.precompute`), so a
room that opens them finds them drawn; the bench's rooms and soak walk the same list
(`bench/rooms.py`). No Streamlit here, so the bench imports it without starting caches."""

# docs/url-parameters.md says what each parameter does.
BRIEFING_LINKS = (
    "",
    "level=NL",
    "level=NL&lang=nl",
    "level=EU",
    "view=breakdowns",
    "view=breakdowns&level=EU",
    "view=breakdowns&lang=nl",
    "view=timeline",
    "view=timeline&level=NL",
    "view=structure",
    "view=structure&level=NL&framework=nl",
    "view=instruments",
    "view=instruments&level=NL&lang=nl",
    "view=present",
    "view=present&lang=nl",
    "view=present&level=EU&slide=2",
    "kind=guarantee",
    "battery_only=true",
    "type=loan&level=EU",
    "year_from=2025",
    "status=open",
    "origin=new",
    "q=recycling",
    "beneficiary=startups_smes&lang=nl",
)
