"""The attachment check: full reports, responses and images published beside the Markdown.

Attachments leak in ways Markdown does not: an author's name in a PDF's
document properties, text hidden under a redaction box, a photo's GPS
position, a camera owner's name. Each module has one part of the job:

- :mod:`.inspection`: what reading an attachment yields (texts to scan, problems found);
- :mod:`.pdf`: reading a PDF page by page with its properties, and cleaning it;
- :mod:`.images`: reading an image's EXIF, XMP, IPTC and comments, and cleaning it;
- :mod:`.xmp`: the XMP metadata packets PDFs and images both carry;
- :mod:`.references`: which documents and pages refer to which attachments;
- :mod:`.scan`: the check over a library, with the same anonymisation engine, policy and cache as the Markdown;
- :mod:`.clean`: ``learning-library clean-metadata``: copies without their metadata.

This package imports nothing at import time, so :mod:`learning_library.library`
can name the kinds of file it finds without a cycle.
"""
