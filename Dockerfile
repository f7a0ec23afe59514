FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# collectstatic reads settings; these build-time values never reach the running container.
RUN DEBUG=0 SECRET_KEY=build-only ALLOWED_HOSTS=build DATABASE_URL=postgres://build@localhost/build \
    python manage.py collectstatic --no-input
RUN useradd --create-home archive
USER archive
EXPOSE 8000
CMD ["gunicorn", "-c", "gunicorn.conf.py", "archive.wsgi"]
