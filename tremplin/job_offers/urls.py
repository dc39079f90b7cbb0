app_name = "job_offers"
urlpatterns: list = []
