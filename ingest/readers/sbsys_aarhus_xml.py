"""The compact SBSYS publication.xml (Aarhus): ``Publication[@TimeStamp]/Agendas/Agenda[@ID]`` with
``PublicationTypeAsValue`` and ``Organisation`` on the agenda and ``MeetingMember/Participate`` flags.

The mapping is the SBSYS one (``sbsys_xml.read_publication``). Specific to this variant:
- numbers are hierarchical and kept exactly as printed ("1", "1.1", "2.3"); a parent item gets an
  "Underpunkter" section listing its sub-items;
- the trailing items numbered "0" ("Lukket referat", "Åbent referat", which carry the minutes as a PDF
  enclosure): when no item carries text (a table of contents, as the Aarhus sample) they keep the number "0"
  as printed and stay separate items (``order`` tells them apart); when the items carry text they are the
  minutes document, not agenda items, and are left out (``sbsys_parts.drop_referat_records``);
- an empty ``Content`` leaves an item with its title only; a ``Content`` whose field caption repeats the item
  caption and which holds the whole item as HTML is split on its ``<h3>`` headings, the one under
  "Beslutning" being the decision (``sbsys_parts.headed_parts``);
- ``Participate`` is a flag; when it is 0 for every member it states nothing, so nobody is made absent; the
  ``Frontpage`` may print the absences instead ("Afbud: Kim Dalsgaard");
- ``PublicationTypeAsValue`` 2 is the minutes (referat) publication; the ``TimeStamp`` is ``published``.
"""

from __future__ import annotations

from ingest.readers.base import MeetingDraft, Source
from ingest.readers.sbsys_xml import agenda_of, read_publication
from ingest.readers.xmlutil import child, every


class SbsysAarhusXmlReader:
    name = "sbsys-aarhus-xml"

    def sniff(self, src: Source) -> bool:
        agenda = agenda_of(src)
        if agenda is None:
            return False
        return (child(agenda, "PublicationTypeAsValue") is not None or child(agenda, "Organisation") is not None
                or any(child(m, "Participate") is not None for m in every(child(agenda, "Meeting"), "MeetingMember")))

    def read(self, src: Source) -> MeetingDraft:
        return read_publication(src)


READER = SbsysAarhusXmlReader()
