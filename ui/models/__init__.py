"""Qt item models over stored data (and over the template being edited). Models call the core's
service functions; they never write SQL and never show dialogs: a refused edit is reported
through the ``refused`` signal, which the owning view turns into a message."""
