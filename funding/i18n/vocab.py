"""Controlled vocabularies: the codes stored in the CSV and their English and Dutch labels.

The codes are what the CSV, the URL parameters and the command line use, so they are short,
lowercase where possible and never translated. Labels are for people and exist in both languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from funding.i18n.languages import DataLang
from funding.i18n.languages import Lang as Lang  # where the package has always found it

# The languages a cited document may be written in (documents.csv's `language`).
DOCUMENT_LANGUAGES: tuple[DataLang, ...] = ("en", "nl")


@dataclass(frozen=True)
class Term:
    """A code and its label in every language (funding.i18n.languages); a label missing for a
    language raises KeyError rather than showing another language's."""

    code: str
    labels: Mapping[str, str]

    def label(self, lang: Lang) -> str:
        return self.labels[lang]


@dataclass(frozen=True)
class Vocabulary:
    """An ordered set of terms; the order is the display order."""

    name: str
    terms: tuple[Term, ...]
    # Derived once: validation looks codes up for every cell of every row.
    codes: tuple[str, ...] = field(init=False, repr=False)
    _by_code: dict[str, Term] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "codes", tuple(t.code for t in self.terms))
        object.__setattr__(self, "_by_code", {t.code: t for t in self.terms})

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def label(self, code: str, lang: Lang) -> str:
        """Unknown codes come back unchanged, so user files with odd values still display."""
        term = self._by_code.get(code)
        return term.label(lang) if term is not None else code


def term(code: str, en: str, nl: str) -> Term:
    """A term written as the vocabularies below write them: code, English, Dutch."""
    return Term(code, {"en": en, "nl": nl})


def _vocab(name: str, *rows: tuple[str, str, str]) -> Vocabulary:
    return Vocabulary(name, tuple(term(*row) for row in rows))


LEVEL = _vocab(
    "level",
    ("EU", "EU", "EU"),
    ("NL", "Netherlands", "Nederland"),
    ("MS", "EU member states", "EU-lidstaten"),
    ("private", "Private", "Privaat"),
)

INSTRUMENT_TYPE = _vocab(
    "instrument_type",
    ("grant", "Grant", "Subsidie"),
    ("loan", "Loan (incl. zero-interest)", "Lening (incl. renteloos)"),
    ("guarantee", "Guarantee", "Garantie"),
    ("state_aid", "State aid", "Staatssteun"),
    ("equity", "Equity", "Eigen vermogen"),
    ("rd_programme", "R&I partnership / programme", "O&I-partnerschap / -programma"),
    ("fund", "Fund", "Fonds"),
    (
        "international_contribution",
        "Contribution to an international body",
        "Bijdrage aan internationale organisatie",
    ),
    ("other", "Other", "Overig"),
)

# Figures of different kinds are never summed together: a guarantee is not cash, a State-aid
# ceiling is what member states may grant, and private investment is not public money.
AMOUNT_KIND = _vocab(
    "amount_kind",
    ("public", "Public funding (budget)", "Publieke financiering (budget)"),
    ("guarantee", "Guarantee capacity", "Garantiecapaciteit"),
    ("state_aid_ceiling", "State-aid ceiling", "Staatssteunplafond"),
    (
        "private_expected",
        "Expected private investment",
        "Verwachte private investering",
    ),
    ("target", "Investment / mobilisation target", "Investerings- / mobilisatiedoel"),
)

QUALIFIER = _vocab(
    "amount_qualifier",
    ("exact", "exactly", "precies"),
    ("up_to", "up to", "tot"),
    ("at_least", "at least", "minstens"),
    ("about", "about", "circa"),
)

STATUS = _vocab(
    "status",
    ("proposed", "Proposed", "Voorgesteld"),
    ("announced", "Announced", "Aangekondigd"),
    ("open", "Open (call open)", "Open (call open)"),
    ("reserved", "Reserved / conditional", "Gereserveerd / voorwaardelijk"),
    ("allocated", "Allocated / awarded", "Toegekend"),
    ("disbursed", "Disbursed", "Uitbetaald"),
    ("closed", "Closed", "Gesloten"),
)

# The six pillars of the EU Battery Booster strategy (C(2025) 8950), named after the section
# headings of the English text; the Dutch labels follow the BNC-fiche's own list.
EU_PILLAR = _vocab(
    "eu_pillar",
    (
        "financing",
        "I. Financial backing for manufacturing ramp-up",
        "I. Financiële steun voor opschaling van productie",
    ),
    (
        "upstream",
        "II. Resilient upstream value chain (raw materials)",
        "II. Veerkrachtige upstream waardeketen",
    ),
    (
        "level_playing_field",
        "III. Value-added investment and level playing field",
        "III. Gelijk speelveld en waardevolle investeringen",
    ),
    (
        "demand",
        "IV. Demand for EU-made batteries",
        "IV. Vraag naar in de EU geproduceerde batterijen",
    ),
    (
        "research_skills",
        "V. Research, innovation and skills",
        "V. Onderzoek, innovatie en vaardigheden",
    ),
    (
        "coordination",
        "VI. Coordination and governance",
        "VI. Europese coördinatie en governance",
    ),
)

# The five pillars of the Dutch battery strategy as the 2025 progress letter names them.
NL_PILLAR = _vocab(
    "nl_pillar",
    ("raw_materials", "1. Raw materials", "1. Grondstoffen"),
    ("circularity", "2. Circularity", "2. Circulariteit"),
    ("safety", "3. Safety", "3. Veiligheid"),
    ("economic_prospects", "4. Economic prospects", "4. Economische perspectieven"),
    ("energy_system", "5. Energy system", "5. Energiesysteem"),
)

BENEFICIARY = _vocab(
    "beneficiary_types",
    ("cell_manufacturers", "Battery cell manufacturers", "Batterijcelproducenten"),
    (
        "raw_materials",
        "Raw-material and refining projects",
        "Grondstof- en raffinageprojecten",
    ),
    ("recyclers", "Recyclers", "Recyclers"),
    (
        "suppliers",
        "Materials and equipment suppliers",
        "Materiaal- en apparatuurleveranciers",
    ),
    ("companies", "Companies across the value chain", "Bedrijven in de waardeketen"),
    ("startups_smes", "Start-ups and SMEs", "Start-ups en mkb"),
    (
        "research",
        "Research organisations and universities",
        "Onderzoeksinstellingen en universiteiten",
    ),
    ("consortia_clusters", "Consortia and clusters", "Consortia en clusters"),
    (
        "public_authorities",
        "Member states, regions and public bodies",
        "Lidstaten, regio's en overheden",
    ),
    (
        "international_bodies",
        "International initiatives and funds",
        "Internationale initiatieven en fondsen",
    ),
    ("other", "Other", "Overig"),
)

# What a row is: not every row is money. Counts of "instruments" count only `instrument` rows;
# the others stay visible and filterable (and a framework or service never has an amount).
RECORD_TYPE = _vocab(
    "record_type",
    ("instrument", "Funding instrument", "Financieringsinstrument"),
    ("framework", "Framework (rules, no money of its own)", "Kader (regels, geen eigen geld)"),
    ("service", "Support service", "Ondersteunende dienst"),
    ("proposal", "Proposal", "Voorstel"),
    ("context", "Context (not battery funding)", "Context (geen batterijfinanciering)"),
)

# Where the money comes from, only where a document says so; an empty cell is "not stated".
MONEY_ORIGIN = _vocab(
    "money_origin",
    ("new", "New money", "Nieuw geld"),
    ("reprioritised", "Re-prioritised existing money", "Geherprioriteerd bestaand geld"),
    ("earlier_commitment", "Earlier commitment", "Eerdere toezegging"),
    ("within_existing", "Within existing budgets (current MFF)", "Binnen bestaande kaders (huidig MFK)"),
)
NOT_STATED_ORIGIN = "not_stated"

# How firm a document is about a call's date (data/calls.csv): a stated date or deadline, a plan
# ("will launch"), or an aim ("aims at launching").
DATE_QUALIFIER = _vocab(
    "date_qualifier",
    ("stated", "as stated", "zoals vermeld"),
    ("planned", "planned", "gepland"),
    ("aim", "aimed at", "beoogd"),
)

# Whether a pillar assignment is the document's own or an analyst's reading of it.
PILLAR_BASIS = _vocab(
    "pillar_basis",
    ("document", "stated in the document", "staat in het document"),
    ("analyst", "analyst's judgement", "oordeel van de analist"),
)

PILLAR_FRAMEWORKS: dict[str, Vocabulary] = {"eu": EU_PILLAR, "nl": NL_PILLAR}
