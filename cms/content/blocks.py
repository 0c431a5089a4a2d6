"""StreamField blocks shared by every content page."""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class SectionBlock(blocks.StructBlock):
    """A numbered section of an official document ("1.", "II.", "a)")."""

    number = blocks.CharBlock(label="Số mục", required=False, max_length=20)
    heading = blocks.CharBlock(label="Tiêu đề mục", required=False)
    content = blocks.RichTextBlock(label="Nội dung", features=RICH_FEATURES)

    class Meta:
        icon = "list-ol"
        label = "Mục"
        template = "blocks/section.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Ảnh")
    caption = blocks.CharBlock(label="Chú thích", required=False)

    class Meta:
        icon = "image"
        label = "Ảnh"
        template = "blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Trích dẫn")
    source = blocks.CharBlock(label="Nguồn", required=False)

    class Meta:
        icon = "openquote"
        label = "Trích dẫn"
        template = "blocks/quote.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label="Tiêu đề", form_classname="title", template="blocks/heading.html")
    paragraph = blocks.RichTextBlock(label="Đoạn văn", features=RICH_FEATURES)
    section = SectionBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = TableBlock(label="Bảng")
    document = DocumentChooserBlock(label="Tệp đính kèm", template="blocks/document.html")
