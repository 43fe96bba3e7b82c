"""What ingest hands on: an article with where it came from and its content hash."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from dateline.extract.records import Article


@dataclass(frozen=True, slots=True)
class SourceArticle:
    """An article read from a file, ready for extraction and storage."""

    article: Article
    path: str
    content_hash: str


def content_hash(article: Article) -> str:
    """SHA-256 over everything that changes what extraction makes of an article."""
    fields = {
        "text": article.text,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "published_precision": article.published_precision,
        "url": article.url,
        "source": article.source,
        "language": article.language,
    }
    payload = json.dumps(fields, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(payload).hexdigest()
