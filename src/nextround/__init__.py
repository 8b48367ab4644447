"""nextround: turn an interview rejection, or silence, into the next round."""
__version__ = "0.1.0"
