"""The window's pages for checklist sessions (示范创建): the rating grid, the results, the candidates' path."""
