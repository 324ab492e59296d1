"""Search: a local, derived Whoosh index behind the :class:`~reader.search.api.SearchIndex`
interface."""
