"""sarpack domain steps: plain, typed functions with no Prefect inside."""

PIPELINE_VERSION = "0.1.0"
