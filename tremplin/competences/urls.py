app_name = "competences"
urlpatterns: list = []
