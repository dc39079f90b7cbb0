app_name = "partner_portal"
urlpatterns: list = []
