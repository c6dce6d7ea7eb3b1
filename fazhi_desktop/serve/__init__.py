"""The experts' scoring server (issue 16): each expert scores on their own phone over the meeting's
own network, through the same service functions as the window.

``access``: the experts' private tokens and their progress (what the chair's view shows);
``app``: the WSGI application (the JSON endpoints of CONTRACT.md and the phone page's files);
``server``: the application served by waitress in a thread of its own (the window and ``serve``).
"""
