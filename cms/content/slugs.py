"""ASCII web addresses for pages typed in the admin.

Wagtail's slug box transliterates with its own tables, which know no
Vietnamese ("Công văn 99-CV/TU về đẩy mạnh" became "cong-van-99-cvtu-v-djy-mnh").
The box takes regex formatters, run before its own clean-up: each Vietnamese
letter is replaced by its base letter, as vietnamese.text.fold reads it, so the
browser gives what vietnamese.text.slugify gives ("cong-van-99-cv-tu-ve-day-manh").
"""

from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.widgets import SlugInput

from vietnamese.text import fold

# Every letter with a Vietnamese diacritic (lower case; upper case is derived).
VIETNAMESE_LETTERS = (
    "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ"
)


def slug_formatters():
    """(regex, replacement) pairs: each accented letter to its base; "/" and "." to a hyphen."""
    groups = {}
    for letter in VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper():
        groups.setdefault(fold(letter), []).append(letter)
    return [(f"[{''.join(letters)}]", base) for base, letters in sorted(groups.items())] + [(r"[/.]", "-")]


def slug_input():
    return SlugInput(formatters=slug_formatters())


def promote_panels():
    """Wagtail's promote tab with the Vietnamese-aware slug box."""
    return [
        MultiFieldPanel(
            [FieldPanel("slug", widget=slug_input()), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading=gettext_lazy("For search engines"),
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading=gettext_lazy("For site menus")),
    ]
