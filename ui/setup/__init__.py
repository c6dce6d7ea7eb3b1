"""The setup view (会前筹备): meeting data, units, experts, template and timing, recusals."""
