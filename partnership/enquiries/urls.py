"""URLs of the public contact form and the enquiry queue.

`public_patterns` are the public form's pages: lsmp.urls includes them in its language-prefixed
patterns (/contact/, /ar/contact/ ...) without a namespace, like the home page. `urlpatterns`
(the queue) are joined into partnership.urls, namespace "partnership", and stay English."""

from django.urls import path

from . import views

public_patterns = [
    path("contact/", views.contact, name="contact"),
    path("contact/check/", views.contact_check, name="contact_check"),
    path("contact/sent/", views.contact_sent, name="contact_sent"),
]

urlpatterns = [
    path("enquiries/", views.enquiry_list, name="enquiry_list"),
    path("enquiries/subject-access/", views.enquiry_subject_access, name="enquiry_subject_access"),
    path("enquiries/<int:pk>/", views.enquiry_detail, name="enquiry_detail"),
    path("enquiries/<int:pk>/assign/", views.enquiry_assign_view, name="enquiry_assign"),
    path("enquiries/<int:pk>/respond/", views.enquiry_respond_view, name="enquiry_respond"),
    path("enquiries/<int:pk>/close/", views.enquiry_close_view, name="enquiry_close"),
    path("enquiries/<int:pk>/spam/", views.enquiry_spam_view, name="enquiry_spam"),
]
