"""Storage adapter: the only package that imports SQLAlchemy."""
