"""Benchmarks: throughput and memory of eventwire's stages, measured on generated data."""
