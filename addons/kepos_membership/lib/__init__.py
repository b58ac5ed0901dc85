# Plain Python shared by the Kèpos add-ons (no models).
