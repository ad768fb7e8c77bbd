"""Analyse: membership, attribution and bystander responses over classified messages (the investigation
view), on records from ``ingest`` and classifications from ``detect``."""
