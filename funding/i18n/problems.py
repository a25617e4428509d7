"""Why a file cannot be read or used at all, by code: "unreadable_<code>" (funding.base.errors).

The details of a refusal fill the placeholders; a `{name}_key` detail is itself a text of this
catalogue (the kind of a special file), and `cited_by` names the document that cites the file. The English texts are what the command line prints.
"""

from __future__ import annotations

from funding.i18n.forms import Entry
from funding.i18n.languages import Lang

TEXTS: dict[str, dict[Lang, Entry]] = {
    "unreadable_no_such_file": {"en": "no such file", "nl": "bestand bestaat niet"},
    "unreadable_is_directory": {"en": "is a directory, not a file", "nl": "is een map, geen bestand"},
    "unreadable_not_regular_file": {
        "en": "is {kind}, not a regular file",
        "nl": "is {kind}, geen gewoon bestand",
    },
    "file_kind_fifo": {"en": "a named pipe (FIFO)", "nl": "een named pipe (FIFO)"},
    "file_kind_char_device": {"en": "a character device", "nl": "een tekenapparaat"},
    "file_kind_block_device": {"en": "a block device", "nl": "een blokapparaat"},
    "file_kind_socket": {"en": "a socket", "nl": "een socket"},
    "file_kind_special": {"en": "a special file", "nl": "een speciaal bestand"},
    "unreadable_cannot_read": {"en": "cannot be read ({error})", "nl": "kan niet worden gelezen ({error})"},
    "unreadable_link_loop": {"en": "is a loop of links", "nl": "is een kring van koppelingen"},
    "unreadable_too_large": {
        "en": "is {size} MB; the limit is {limit} MB",
        "nl": "is {size} MB; de grens is {limit} MB",
    },
    "unreadable_grew_too_large": {
        "en": "grew while being read; the limit is {limit} MB",
        "nl": "groeide tijdens het lezen; de grens is {limit} MB",
    },
    "unreadable_absolute_path": {
        "en": "is an absolute path; name a file inside {folder}",
        "nl": "is een absoluut pad; noem een bestand in {folder}",
    },
    "unreadable_parent_path": {
        "en": "goes up a folder ('..'); name a file inside {folder}",
        "nl": "gaat een map omhoog ('..'); noem een bestand in {folder}",
    },
    "unreadable_outside_folder": {
        "en": "is a link that leads out of {folder}",
        "nl": "is een koppeling die buiten {folder} leidt",
    },
    "unreadable_utf16": {
        "en": "is UTF-16 text; save it as 'CSV UTF-8 (comma delimited)'",
        "nl": "is UTF-16-tekst; sla het op als 'CSV UTF-8 (door komma's gescheiden)'",
    },
    "unreadable_nul_bytes": {
        "en": "contains NUL bytes: this is not a text file",
        "nl": "bevat NUL-bytes: dit is geen tekstbestand",
    },
    "unreadable_not_utf8": {
        "en": "is not UTF-8 text (byte 0x{byte} at offset {offset}); save it as UTF-8 ('CSV UTF-8' in "
        "Excel; Windows-1252 and other encodings are not read)",
        "nl": "is geen UTF-8-tekst (byte 0x{byte} op positie {offset}); sla het op als UTF-8 ('CSV UTF-8' "
        "in Excel; Windows-1252 en andere coderingen worden niet gelezen)",
    },
    "unreadable_not_text": {
        "en": "is not a text file (it holds NUL bytes)",
        "nl": "is geen tekstbestand (het bevat NUL-bytes)",
    },
    "unreadable_no_sources": {
        "en": "no such folder of source documents",
        "nl": "map met brondocumenten bestaat niet",
    },
    "file_invalid": {
        "en": {"one": "{source}: {n} problem", "other": "{source}: {n} problems"},
        "nl": {"one": "{source}: {n} probleem", "other": "{source}: {n} problemen"},
    },
    "cited_by": {"en": "(cited by {document})", "nl": "(aangehaald door {document})"},
    "unreadable_cannot_write": {
        "en": "cannot be written ({error})",
        "nl": "kan niet worden geschreven ({error})",
    },
    "unreadable_bad_metadata": {
        "en": "cannot be read as dataset metadata ({error})",
        "nl": "kan niet als metadata van de dataset worden gelezen ({error})",
    },
    "unreadable_template_too_large": {
        "en": "is {size} MB; the limit is {limit} MB",
        "nl": "is {size} MB; de grens is {limit} MB",
    },
    "unreadable_template_too_many_parts": {
        "en": "has more than {limit} parts",
        "nl": "heeft meer dan {limit} onderdelen",
    },
    "unreadable_template_encrypted": {
        "en": "is encrypted; save it without a password",
        "nl": "is versleuteld; sla het op zonder wachtwoord",
    },
    "unreadable_template_not_pptx": {
        "en": "is not a PowerPoint .pptx/.potx file",
        "nl": "is geen PowerPoint-bestand (.pptx/.potx)",
    },
    "unreadable_template_inflates_too_much": {
        "en": "unpacks to more than {limit} MB",
        "nl": "pakt uit tot meer dan {limit} MB",
    },
    "unreadable_template_macros": {
        "en": "contains macros or controls ({part}); save it as a .pptx or .potx without macros",
        "nl": "bevat macro's of besturingselementen ({part}); sla het op als .pptx of .potx zonder macro's",
    },
    "unreadable_template_no_layouts": {"en": "has no slide layouts", "nl": "heeft geen dia-indelingen"},
    "unreadable_template_unusable": {
        "en": "cannot be used ({error})",
        "nl": "kan niet worden gebruikt ({error})",
    },
}
