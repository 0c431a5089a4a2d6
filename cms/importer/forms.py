"""Forms of the admin import: the upload (step 1) and the review of each document (step 2)."""

from django import forms
from django.core.exceptions import ValidationError

from cms.taxonomy.models import Region, Theme
from cms.taxonomy.widgets import RegionSlugTreeWidget
from home.models import SectionPage
from vietnamese.vocabulary import CONTENT_KIND_LABELS, KIND_CHOICES, LEVEL_CHOICES, PAGE_TYPE_CONTENT

ACCEPT = ".txt,.md,.docx,.pdf,.zip"
DATE_FORMAT = "%d/%m/%Y"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field taking several files; cleans to a list (the Django docs' pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        items = [item for item in (data if isinstance(data, (list, tuple)) else [data]) if item]
        if not items:
            single(None, initial)  # "required" when no file was sent
            return []
        return [single(item, initial) for item in items]


def sections_for(user):
    """The sections ``user`` may add pages to, in tree order, labelled with their parents."""
    sections = list(SectionPage.objects.order_by("path"))
    titles = {section.path: section.title for section in sections}
    step = SectionPage.steplen
    choices = []
    for section in sections:
        if not section.permissions_for_user(user).can_add_subpage():
            continue
        prefixes = (section.path[:end] for end in range(step, len(section.path) + 1, step))
        trail = [titles[prefix] for prefix in prefixes if prefix in titles]
        choices.append((section.pk, " › ".join(trail)))
    return choices


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="Tệp văn bản",
        allow_empty_file=True,  # an empty file is reported with its reason, not refused for all
        help_text="Chọn một hoặc nhiều tệp .txt, .md, .docx, .pdf hoặc .zip.",
        error_messages={"required": "Chọn ít nhất một tệp."},
    )
    section = forms.TypedChoiceField(
        label="Chuyên mục (để trống: tự chọn theo loại và địa bàn)",
        required=False,
        coerce=int,
        empty_value=None,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", "— Tự chọn —")] + sections_for(user)


# The page a document becomes, labelled as its section is.
PAGE_TYPE_CHOICES = [(page_type, CONTENT_KIND_LABELS[kind]) for page_type, kind in PAGE_TYPE_CONTENT.items()]


def _with_blank(choices):
    return [("", "—")] + list(choices)


class DocumentForm(forms.Form):
    """One extracted document, prefilled by the parser and corrected by the editor."""

    include = forms.BooleanField(label="Nhập văn bản này", required=False, initial=True)
    title = forms.CharField(
        label="Tiêu đề trang",
        max_length=255,
        required=False,
        help_text=(
            "Để trống: đặt theo loại, số hiệu và trích yếu (bài viết: theo tiêu đề bài). "
            "Văn bản đã có trong kho giữ tiêu đề cũ."
        ),
    )
    page_type = forms.ChoiceField(label="Loại trang", choices=PAGE_TYPE_CHOICES, required=False)
    kind = forms.ChoiceField(label="Loại văn bản", choices=_with_blank(KIND_CHOICES), required=False)
    number = forms.CharField(label="Số hiệu", max_length=60, required=False)
    issuer = forms.CharField(label="Cơ quan ban hành", max_length=200, required=False)
    level = forms.ChoiceField(label="Cấp ban hành", choices=_with_blank(LEVEL_CHOICES), required=False)
    place = forms.CharField(label="Địa danh", max_length=100, required=False)
    date = forms.DateField(
        label="Ngày ban hành",
        required=False,
        input_formats=[DATE_FORMAT],
        widget=forms.DateInput(format=DATE_FORMAT, attrs={"placeholder": "dd/mm/yyyy"}),
        error_messages={"invalid": "Ngày không hợp lệ; nhập theo dạng dd/mm/yyyy, ví dụ 19/05/2021."},
    )
    subject = forms.CharField(label="Trích yếu", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    signer = forms.CharField(label="Người ký", max_length=120, required=False)
    themes = forms.MultipleChoiceField(label="Chủ đề", required=False, widget=forms.CheckboxSelectMultiple)
    regions = forms.CharField(
        label="Địa bàn",
        required=False,
        help_text="Tìm và đánh dấu địa bàn của văn bản (kể cả đơn vị trước 01/7/2025).",
        widget=RegionSlugTreeWidget,
    )
    file = forms.CharField(widget=forms.HiddenInput)
    part = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, theme_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].choices = theme_choices

    @property
    def included(self):
        """Whether the editor wants this document (readable before validation)."""
        return bool(self["include"].data) if self.is_bound else True

    def clean_regions(self):
        slugs = [slug.strip() for slug in self.cleaned_data["regions"].split(",") if slug.strip()]
        known = set(Region.objects.filter(slug__in=slugs).values_list("slug", flat=True))
        unknown = [slug for slug in slugs if slug not in known]
        if unknown:
            raise ValidationError([f"Không có địa bàn “{slug}”." for slug in unknown])
        return list(dict.fromkeys(slugs))


class BaseDocumentFormSet(forms.BaseFormSet):
    def import_ready(self):
        """Valid enough to import: the formset itself and every included form."""
        self.is_valid()  # runs every form's validation so all errors are shown
        return not self.non_form_errors() and all(form.is_valid() for form in self.forms if form.included)


DocumentFormSet = forms.formset_factory(DocumentForm, formset=BaseDocumentFormSet, extra=0)


def theme_choices():
    return [(theme.slug, theme.name) for theme in Theme.objects.all()]


def initial_for(doc, key, part, title):
    """The review form's initial values for one parsed document."""
    return {
        "include": True,
        "title": title,
        "page_type": doc.page_type,
        "kind": doc.kind or "",
        "number": doc.number or "",
        "issuer": doc.issuer or "",
        "level": doc.level or "",
        "place": doc.place or "",
        "date": doc.date,
        "subject": doc.subject or "",
        "signer": doc.signer or "",
        "themes": list(doc.themes),
        "regions": ", ".join(doc.regions),
        "file": key,
        "part": part,
    }


class ScannedForm(forms.Form):
    """Scanned PDFs (no text layer) to import as drafts flagged "cần nhập nội dung"."""

    files = forms.MultipleChoiceField(label="Bản quét", required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, prefix="scanned", **kwargs)
        self.fields["files"].choices = choices
