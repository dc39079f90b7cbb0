from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import views

app_name = "api_v1"
urlpatterns = [
    path("people/", views.PersonList.as_view(), name="people"),
    path("people/<uuid:public_id>/", views.PersonDetail.as_view(), name="person"),
    path("pathways/", views.PathwayList.as_view(), name="pathways"),
    path("pathways/<uuid:public_id>/", views.PathwayDetail.as_view(), name="pathway"),
    path("pathways/<uuid:public_id>/plan/", views.PlanDetail.as_view(), name="plan"),
    path("appointments/", views.AppointmentList.as_view(), name="appointments"),
    path("appointments/<uuid:public_id>/", views.AppointmentDetail.as_view(), name="appointment"),
    path("indicators/", views.Indicators.as_view(), name="indicators"),
    path("job-offers/", views.JobOfferList.as_view(), name="job_offers"),
    path("job-offers/<uuid:public_id>/", views.JobOfferDetail.as_view(), name="job_offer"),
    # The schema and its documentation page: public (they describe the API, no one's data).
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api_v1:schema", template_name="api/swagger_ui.html"),
        name="docs",
    ),
    # Anything else under /api/v1/ (a malformed id, an unknown route): 404 in the API's error format, not a page.
    re_path(r"^", views.not_found),
]
