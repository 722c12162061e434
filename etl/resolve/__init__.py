"""Resolution across texts: records become claim rows, names become persons, and
cross-checks report what does not close."""
