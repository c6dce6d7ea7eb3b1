"""The Qt layer: windows, pages, table models and actions over the core in ``fazhi_desktop``."""
