"""Admission rules as data and their pure evaluation (no Django imports)."""
