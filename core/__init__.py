"""The civic vocabulary every layer shares: the model (Meeting, AgendaItem, ...), ids, labels, errors, Danish dates,
municipality names and the heading/absentee words. No I/O, no heavy imports."""
