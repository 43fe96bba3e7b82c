"""Writing a batch of articles in one transaction, each inside its own SAVEPOINT.

One commit and one "already stored?" query for the whole batch instead of one each: the write
side then costs a fraction of what one transaction an article cost. An article that fails rolls
back to its savepoint and is returned as its error; the others of the batch are still stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from dateline.extract.records import Article, Extraction
from dateline.store.actor_ids import ActorDirectory, ActorIds
from dateline.store.writes import Outcome, save_article, stored_documents


@dataclass(frozen=True)
class PendingArticle:
    """An extracted article waiting to be stored."""

    article: Article
    extraction: Extraction
    content_hash: str
    extractor: str
    path: str | None = None


def save_batch(
    session: Session, batch: Sequence[PendingArticle], *, directory: ActorDirectory | None, cache: ActorIds
) -> list[Outcome | Exception]:
    """Store `batch` in the session's transaction, in order; for each article its outcome, or the
    error that rolled it back to its savepoint. The caller commits (or rolls back) the session,
    and confirms or discards `cache` accordingly."""
    stored = stored_documents(session, [pending.article.identifier for pending in batch])
    results: list[Outcome | Exception] = []
    for pending in batch:
        mark, before = cache.mark(), stored.get(pending.article.identifier)
        try:
            with session.begin_nested():
                outcome = save_article(
                    session,
                    pending.article,
                    pending.extraction,
                    content_hash=pending.content_hash,
                    extractor=pending.extractor,
                    path=pending.path,
                    directory=directory,
                    cache=cache,
                    stored=stored,
                )
        except Exception as exc:  # this article only: the savepoint undid it, the batch goes on
            cache.rollback_to(mark)
            if before is None:
                stored.pop(pending.article.identifier, None)
            else:
                stored[pending.article.identifier] = before
            results.append(exc)
            continue
        results.append(outcome)
    return results
