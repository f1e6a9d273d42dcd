"""govkg: a knowledge graph of government bodies, their officials and the agreements they sign."""

__version__ = "0.1.0"
