"""Policy Reader: read, annotate and brief policy documents, privately and offline."""

__version__ = "0.1.0"
APP_NAME = "Policy Reader"
APP_ID = "policy-reader"
