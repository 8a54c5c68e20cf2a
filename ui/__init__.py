"""The Qt desktop front end of the annotator (installed as ``annotator_ui``).

Core code in ``annotator`` never imports Qt; everything Qt lives here.
"""
