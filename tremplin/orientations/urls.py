app_name = "orientations"
urlpatterns: list = []
