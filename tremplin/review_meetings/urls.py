app_name = "review_meetings"
urlpatterns: list = []
