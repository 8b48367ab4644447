"""Adapters for text models: sentence embeddings."""
