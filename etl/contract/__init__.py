"""The data contract: the Pandera models, the Table Schemas generated from them,
validation, and span verification."""
