app_name = "immersions"
urlpatterns: list = []
