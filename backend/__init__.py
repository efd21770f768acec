"""Label Studio ML backend: a thin HTTP layer over a tagger (``/health``, ``/setup``, ``/predict``,
``/webhook``) plus background retraining from a project's annotations. No model code lives here:
the backend calls the tagger interface and the annotation layer's pull and prediction formatting.
"""
