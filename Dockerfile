# Referat API image. Build: docker compose build (the llm service builds it with EXTRAS=llm: xllamacpp + the model)
FROM python:3.11-slim
ENV PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 REFERAT_DATA_DIR=/data
WORKDIR /app
RUN pip install --no-cache-dir torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu
COPY pyproject.toml README.md ./
COPY core core
COPY store store
COPY assistant assistant
COPY ingest ingest
COPY eval eval
COPY prompts prompts
COPY sample_data sample_data
ARG EXTRAS=""
RUN pip install --no-cache-dir -e ".${EXTRAS:+[$EXTRAS]}" && referat setup --data-dir /opt/referat-model \
    && mkdir -p /data
ENV REFERAT_EMBEDDING_MODEL=/opt/referat-model/models/multilingual-e5-small
EXPOSE 8000
CMD ["sh", "-c", "referat ingest sample_data/seeds && referat serve --host 0.0.0.0 --port 8000"]
