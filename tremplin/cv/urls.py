app_name = "cv"
urlpatterns: list = []
