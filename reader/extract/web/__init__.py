"""Reading saved web pages: the article (:mod:`.article`), the page's metadata
(:mod:`.meta`), and the extractor it relies on (:mod:`.engine`)."""
