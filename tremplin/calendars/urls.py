from django.urls import path

from . import views

app_name = "calendars"
urlpatterns = [
    path("", views.week, name="week"),
    path("jour/", views.day, name="day"),
    path("flux/", views.feed_manage, name="feed_manage"),
    path("ical/<str:token>.ics", views.feed, name="feed"),
]
