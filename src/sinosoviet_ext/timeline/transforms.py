"""Document-level fix-ups that need the whole parsed page."""

from __future__ import annotations

from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from . import nodes as tl

logger = logging.getLogger(__name__)


class WrapOrphanEvents(SphinxTransform):
    """An ``event`` outside any ``timeline`` becomes a one-event timeline, with a warning.

    Nothing the author wrote is lost, and every builder still sees the usual structure.
    """

    default_priority = 200

    def apply(self, **kwargs: object) -> None:
        for event in list(self.document.findall(tl.timeline_event)):
            if isinstance(event.parent, tl.timeline_events):
                continue
            logger.warning(
                "event outside a timeline; it is shown as a timeline of its own",
                location=event, type="timeline", subtype="orphan",
            )  # fmt: skip
            wrapper = tl.timeline(order=self.config.sinosoviet_timeline_order, classes=["timeline"])
            wrapper.source, wrapper.line = event.source, event.line
            event.replace_self(wrapper)
            wrapper += tl.timeline_events("", event)
