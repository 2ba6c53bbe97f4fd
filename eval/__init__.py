"""Evaluation: question sets, metrics, runner, naive baseline, reports."""
