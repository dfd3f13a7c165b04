"""Karjera: career guidance platform for Latvia."""
