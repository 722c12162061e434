"""What a contributor touches: the source registry, the curation files, and `etl check`
over both."""
