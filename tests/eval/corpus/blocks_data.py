"""Data and platform people: data engineering, data science, DevOps/cloud, database admins."""

from tests.eval.corpus.model import B, Spec

DATA_ENGINEERING = Spec(
    key="data_engineering",
    headlines_en=(
        "Data Engineer (Spark, Airflow, dbt)",
        "Senior Data Engineer",
        "Cloud Data Engineer / Analytics Engineer",
    ),
    headlines_de=(
        "Data Engineer (Spark, Airflow, dbt)",
        "Senior Data Engineer",
        "Data-Engineering-Berater Cloud Data Platforms",
    ),
    profiles_en=(
        B(
            """Data engineer who builds batch and streaming pipelines that analysts can trust. My
          daily tools are Python and SQL, PySpark on Databricks, Airflow for orchestration and dbt
          for the transformation layer on Snowflake or BigQuery. I care about data contracts,
          tests in the pipeline and cost control in the cloud.""",
            "data_engineering python sql spark databricks airflow dbt snowflake",
        ),
        B(
            """Seven years in data: started as a BI developer with SQL Server and SSIS, moved to
          Hadoop and Hive, and today design lakehouse platforms with Spark, Delta Lake and Kafka
          on AWS. I like modelling (Data Vault, Kimball), automating deployments with Terraform
          and teaching teams to own their data products.""",
            "data_engineering sql sqlserver hadoop spark kafka aws terraform",
        ),
        B(
            """Analytics engineer with a software background. I turn raw event data into clean,
          documented models with dbt, orchestrate them with Airflow or Dagster, and keep the
          warehouse (Snowflake) fast and affordable. Python for ingestion, Great Expectations for
          data quality, Looker and Power BI on top.""",
            "data_engineering dbt airflow snowflake python sql powerbi",
        ),
    ),
    profiles_de=(
        B(
            """Data Engineer mit Erfahrung im Aufbau moderner Datenplattformen. Ich entwickle
          Datenpipelines mit Python, PySpark und SQL, orchestriere sie mit Apache Airflow und
          modelliere im Data Warehouse mit dbt auf Snowflake. Außerdem Erfahrung mit Kafka,
          Azure Data Factory und Databricks.""",
            "data_engineering python spark sql airflow dbt snowflake kafka azure databricks",
        ),
        B(
            """Seit über acht Jahren arbeite ich mit Daten: vom klassischen Data Warehouse mit Oracle
          und Informatica bis zur Cloud-Lakehouse-Architektur mit Spark und Delta Lake. Schwerpunkte sind Datenmodellierung, performante ETL/ELT-Strecken und Datenqualität.""",
            "data_engineering oracle spark sql",
        ),
    ),
    projects_en=(
        B(
            """Customer data platform for a telecom operator. Built ingestion of 400 million daily
          events with Kafka and Spark Structured Streaming into Delta tables on Databricks,
          orchestrated batch jobs with Airflow, modelled the marts with dbt and handed them to the
          analytics team with documentation and tests.""",
            "data_engineering kafka spark databricks airflow dbt python sql",
        ),
        B(
            """Finance data warehouse for a retail group. Migrated 300 SSIS packages and stored
          procedures from SQL Server to Snowflake with dbt, introduced CI for the models, and cut
          the nightly load from six hours to forty minutes.""",
            "data_engineering sqlserver snowflake dbt sql",
        ),
        B(
            """IoT analytics for a wind-turbine manufacturer. PySpark jobs on AWS EMR reading sensor
          data from S3, Airflow DAGs for the schedules, Athena and Redshift for analysts, and
          Terraform for the whole stack.""",
            "data_engineering spark python aws airflow terraform",
        ),
        B(
            """Marketing attribution for an online retailer. Python ingestion from ad platforms'
          APIs into BigQuery, transformations in dbt, data-quality checks with Great Expectations,
          orchestration with Cloud Composer (Airflow) on GCP.""",
            "data_engineering python dbt gcp airflow sql",
        ),
    ),
    projects_de=(
        B(
            """Aufbau einer Datenplattform für einen Versicherer. Entwicklung von Ladestrecken mit
          Azure Data Factory und PySpark in Databricks, Modellierung nach Data Vault 2.0 mit dbt,
          Orchestrierung mit Airflow, Bereitstellung für Power BI.""",
            "data_engineering azure spark databricks dbt airflow powerbi python",
        ),
        B(
            """Migration eines Oracle-Data-Warehouse nach Snowflake für einen Handelskonzern.
          Umstellung von PL/SQL-Ladeprozessen auf dbt-Modelle, Aufbau von Tests und
          Dokumentation, Anbindung von Kafka-Streams für Echtzeitdaten.""",
            "data_engineering oracle snowflake dbt kafka sql",
        ),
        B(
            """Streaming-Plattform für Zahlungsdaten einer Bank. Kafka und Spark Structured
          Streaming auf Kubernetes, Speicherung in Delta Lake, Monitoring mit Prometheus,
          Datenschutzkonzept mit Pseudonymisierung.""",
            "data_engineering kafka spark kubernetes prometheus",
        ),
    ),
    roles_en=("Data Engineer", "Senior Data Engineer", "Analytics Engineer"),
    roles_de=("Data Engineer", "Senior Data Engineer", "BI-/Data-Engineer"),
    stack=(
        "python",
        "sql",
        "spark",
        "airflow",
        "dbt",
        "snowflake",
        "kafka",
        "databricks",
        "aws",
        "terraform",
        "git",
    ),
    neighbours=("data_science", "python_web", "dba"),
)

DATA_SCIENCE = Spec(
    key="data_science",
    headlines_en=(
        "Data Scientist / ML Engineer",
        "Senior Data Scientist (NLP)",
        "Machine Learning Engineer",
    ),
    headlines_de=(
        "Data Scientist",
        "Senior Data Scientist / ML Engineer",
        "Machine-Learning-Engineer",
    ),
    profiles_en=(
        B(
            """Data scientist with a physics PhD and six years in industry. I frame business
          questions as models, build them in Python with pandas, scikit-learn and PyTorch, and
          take them to production with MLflow, Docker and a proper monitoring story. Strong in
          statistics, experiment design and explaining results to people who decide.""",
            "data_science python pandas scikit_learn pytorch mlops docker statistics",
        ),
        B(
            """Machine learning engineer focused on NLP and, lately, large language models: text
          classification, entity extraction, retrieval-augmented generation with vector search,
          and evaluation. Python, PyTorch, Hugging Face Transformers, FastAPI for serving,
          Kubernetes for scaling.""",
            "data_science python pytorch nlp llm fastapi kubernetes mlops",
        ),
        B(
            """Applied statistician turned data scientist. Forecasting, pricing and churn models for
          retail and insurance with Python and R, gradient boosting with XGBoost and LightGBM,
          Bayesian methods where the data is thin, dashboards in Tableau.""",
            "data_science python r statistics scikit_learn tableau",
        ),
    ),
    profiles_de=(
        B(
            """Data Scientist mit Schwerpunkt auf prädiktiven Modellen und Machine Learning im
          industriellen Umfeld. Ich entwickle Modelle in Python (pandas, scikit-learn, PyTorch),
          bringe sie mit MLflow und Docker in Produktion und erkläre Ergebnisse verständlich für
          Fachbereiche. Promotion in Mathematik.""",
            "data_science python pandas scikit_learn pytorch mlops docker statistics",
        ),
        B(
            """Machine-Learning-Engineer mit Erfahrung in NLP und Computer Vision. Schwerpunkte:
          Textklassifikation, Informationsextraktion aus Dokumenten, LLM-Anwendungen mit
          Retrieval, MLOps auf Azure ML und Kubernetes.""",
            "data_science python nlp llm mlops azure kubernetes",
        ),
    ),
    projects_en=(
        B(
            """Demand forecasting for a grocery chain. Built store-by-item forecasts with LightGBM
          and hierarchical reconciliation in Python, feature pipelines in Spark, model tracking in
          MLflow; reduced food waste in the pilot region by 11 percent.""",
            "data_science python scikit_learn spark mlops statistics",
        ),
        B(
            """Claims triage for a motor insurer. Trained text and tabular models (PyTorch,
          scikit-learn) to route claims, served them with FastAPI on Kubernetes, monitored drift
          and retrained monthly through an Airflow pipeline.""",
            "data_science python pytorch scikit_learn fastapi kubernetes airflow mlops nlp",
        ),
        B(
            """Contract analysis assistant for a law firm. Retrieval-augmented generation over
          200,000 contracts: chunking, embeddings, a vector index in PostgreSQL (pgvector), prompt
          design, and a systematic evaluation set with lawyers as judges.""",
            "data_science python llm nlp postgresql",
        ),
        B(
            """Churn model for a streaming service. Exploratory analysis in pandas, survival models
          and gradient boosting, A/B test design for the retention campaign, and a Tableau
          dashboard for marketing.""",
            "data_science python pandas statistics tableau",
        ),
    ),
    projects_de=(
        B(
            """Predictive Maintenance für einen Automobilzulieferer. Entwicklung von
          Anomalie-Erkennungsmodellen auf Sensordaten mit Python, scikit-learn und PyTorch,
          Deployment als Docker-Container, Monitoring und Retraining mit MLflow.""",
            "data_science python scikit_learn pytorch docker mlops",
        ),
        B(
            """Dokumentenklassifikation für eine Behörde. Aufbau eines NLP-Modells auf Basis von
          Transformer-Modellen (BERT), Annotation mit Fachexperten, Bereitstellung über eine
          FastAPI-Schnittstelle, Betrieb auf Azure.""",
            "data_science python nlp pytorch fastapi azure",
        ),
        B(
            """Preisoptimierung im Onlinehandel. Elastizitätsmodelle in R und Python, Simulation von
          Preisstrategien, Aufbau eines Experimentierframeworks für A/B-Tests.""",
            "data_science r python statistics",
        ),
    ),
    roles_en=("Data Scientist", "ML Engineer", "Senior Data Scientist"),
    roles_de=("Data Scientist", "ML-Engineer", "Senior Data Scientist"),
    stack=(
        "python",
        "pandas",
        "scikit_learn",
        "pytorch",
        "sql",
        "statistics",
        "mlops",
        "docker",
        "nlp",
        "git",
    ),
    neighbours=("data_engineering", "python_web"),
)

DEVOPS = Spec(
    key="devops_cloud",
    headlines_en=(
        "DevOps Engineer (Kubernetes, Terraform, AWS)",
        "Cloud Platform Engineer",
        "Senior Site Reliability Engineer",
    ),
    headlines_de=(
        "DevOps-Engineer Kubernetes/AWS",
        "Cloud-Architekt / Platform Engineer",
        "Linux- und Kubernetes-Spezialist",
    ),
    profiles_en=(
        B(
            """Platform engineer who builds the roads other teams drive on: Kubernetes clusters on
          AWS (EKS) and on-premises, infrastructure as code with Terraform, GitOps with Argo CD,
          and observability with Prometheus, Grafana and Loki. Ten years of Linux, scripting in
          Bash and Python, and a habit of writing runbooks.""",
            "devops kubernetes aws terraform argocd prometheus grafana linux bash python",
        ),
        B(
            """DevOps engineer with a developer's background. I automate build, test and release
          pipelines (GitLab CI, GitHub Actions, Jenkins), containerise applications with Docker,
          and run them on Kubernetes with Helm. AWS Certified Solutions Architect, CKA.""",
            "devops gitlab_ci github_actions jenkins docker kubernetes helm aws ci_cd",
        ),
        B(
            """Site reliability engineer. I define SLOs, build monitoring that pages only when it
          matters, and make systems boring: Kubernetes, Terraform, Ansible, PostgreSQL operations,
          incident reviews without blame. Clouds: AWS mostly, some Azure and GCP.""",
            "devops kubernetes terraform ansible postgresql aws azure gcp prometheus",
        ),
    ),
    profiles_de=(
        B(
            """DevOps-Engineer mit Schwerpunkt Kubernetes, Terraform und AWS. Ich baue und betreibe
          Container-Plattformen, automatisiere Infrastruktur als Code und CI/CD-Pipelines mit
          GitLab CI und Argo CD. Langjährige Linux-Erfahrung, Monitoring mit Prometheus und
          Grafana, Zertifizierungen CKA und AWS Solutions Architect.""",
            "devops kubernetes terraform aws gitlab_ci argocd linux prometheus grafana ci_cd",
        ),
        B(
            """Cloud-Engineer mit Hintergrund in der Linux-Systemadministration. Seit 2018 Aufbau von
          Container-Plattformen mit OpenShift und Kubernetes, Automatisierung mit Ansible und
          Terraform, Betrieb in Azure und in Rechenzentren von Banken.""",
            "devops linux openshift kubernetes ansible terraform azure",
        ),
    ),
    projects_en=(
        B(
            """Container platform for an online bank. Designed multi-account AWS landing zone with
          Terraform, EKS clusters with Karpenter, Argo CD for GitOps, Vault for secrets, and
          Prometheus/Grafana dashboards; 120 services migrated from EC2 in nine months.""",
            "devops aws terraform kubernetes argocd prometheus grafana",
        ),
        B(
            """CI/CD modernisation at an automotive supplier. Replaced 400 Jenkins jobs with GitLab CI
          templates, built Docker images reproducibly, introduced Helm charts and automated
          security scanning; release lead time went from two weeks to one day.""",
            "devops gitlab_ci jenkins docker helm kubernetes ci_cd",
        ),
        B(
            """Hybrid cloud for a public broadcaster. Ansible roles for 600 Linux servers, Terraform
          for Azure, a self-service Kubernetes offering on-premises with Rancher, and on-call
          processes with clear SLOs.""",
            "devops ansible linux terraform azure kubernetes",
        ),
        B(
            """Serverless data APIs for a media company. AWS Lambda, API Gateway and DynamoDB defined
          with Terraform and the Serverless Framework, GitHub Actions pipelines, cost dashboards
          and alerts.""",
            "devops aws lambda serverless terraform github_actions",
        ),
    ),
    projects_de=(
        B(
            """Aufbau einer Kubernetes-Plattform für einen Versicherer. Planung und Betrieb von
          OpenShift-Clustern, Automatisierung mit Ansible und Terraform, GitOps mit Argo CD,
          Einführung von Monitoring mit Prometheus und Grafana.""",
            "devops openshift kubernetes ansible terraform argocd prometheus grafana",
        ),
        B(
            """Cloud-Migration eines Maschinenbauers nach AWS. Landing Zone mit Terraform, Migration
          von 80 Anwendungen in Docker-Container auf EKS, CI/CD mit GitLab, Schulung der
          Betriebsmannschaft.""",
            "devops aws terraform docker kubernetes gitlab_ci",
        ),
        B(
            """Betrieb einer Linux-Serverlandschaft eines Stadtwerks. Patch-Management mit Ansible,
          Backup-Konzepte, Einführung von Docker und einer ersten Kubernetes-Umgebung.""",
            "devops linux ansible docker kubernetes",
        ),
    ),
    roles_en=(
        "DevOps Engineer",
        "Platform Engineer",
        "Site Reliability Engineer",
        "Cloud Architect",
    ),
    roles_de=("DevOps-Engineer", "Cloud-Engineer", "Plattform-Architekt"),
    stack=(
        "kubernetes",
        "terraform",
        "aws",
        "docker",
        "linux",
        "ansible",
        "helm",
        "gitlab_ci",
        "argocd",
        "prometheus",
        "grafana",
        "python",
        "bash",
    ),
    neighbours=("dotnet_azure", "network_admin", "security", "java_backend"),
)

DBA = Spec(
    key="dba",
    headlines_en=(
        "Database Administrator (Oracle, PostgreSQL)",
        "Senior DBA SQL Server",
        "Database Engineer",
    ),
    headlines_de=(
        "Datenbankadministrator Oracle/PostgreSQL",
        "Senior DBA MS SQL Server",
        "Datenbankspezialist",
    ),
    profiles_en=(
        B(
            """Database administrator with fifteen years on Oracle (11g to 19c, RAC, Data Guard)
          and, since 2019, a lot of PostgreSQL. I plan and run upgrades, backup and recovery with
          RMAN and pgBackRest, tune slow queries, and automate routine work with Ansible and
          Bash.""",
            "dba oracle postgresql backup performance_tuning ansible bash sql",
        ),
        B(
            """SQL Server DBA and database developer. High availability with Always On availability
          groups, performance tuning, index strategies, T-SQL code reviews, migrations to Azure
          SQL Managed Instance, and monitoring with Redgate and Grafana.""",
            "dba sqlserver performance_tuning sql azure",
        ),
    ),
    profiles_de=(
        B(
            """Datenbankadministrator mit Schwerpunkt Oracle und PostgreSQL. Erfahrung mit
          Hochverfügbarkeit (RAC, Data Guard, Patroni), Backup und Recovery, Performance-Tuning
          und Migrationen von Oracle nach PostgreSQL. Automatisierung mit Ansible und
          Shell-Skripten.""",
            "dba oracle postgresql backup performance_tuning ansible bash",
        ),
        B(
            """Erfahrener DBA für Microsoft SQL Server und MySQL. Ich betreue produktive Datenbanken
          im 24/7-Betrieb, plane Hochverfügbarkeit mit Always On, optimiere Abfragen und begleite
          Migrationen in die Azure-Cloud.""",
            "dba sqlserver mysql performance_tuning azure",
        ),
    ),
    projects_en=(
        B(
            """Oracle-to-PostgreSQL migration for a health insurer. Assessed 40 schemas with
          ora2pg, rewrote PL/SQL packages as PL/pgSQL, set up Patroni clusters with pgBackRest,
          and tuned the critical batch jobs to run faster than on Oracle.""",
            "dba oracle postgresql backup performance_tuning sql",
        ),
        B(
            """24/7 operations for a payment processor's SQL Server estate. 180 instances with Always
          On availability groups, automated patching, capacity planning, and a performance
          baseline that caught regressions before the business did.""",
            "dba sqlserver performance_tuning backup",
        ),
        B(
            """Database reliability in a SaaS company. Ran PostgreSQL on AWS RDS and on Kubernetes
          with the Zalando operator, introduced query reviews, connection pooling with PgBouncer
          and point-in-time recovery drills.""",
            "dba postgresql aws kubernetes backup performance_tuning",
        ),
    ),
    projects_de=(
        B(
            """Betrieb der Oracle-Landschaft eines Energieversorgers. Administration von RAC- und
          Data-Guard-Umgebungen, Upgrade auf 19c, Backup mit RMAN, Performance-Analysen mit AWR
          und Einführung von Monitoring.""",
            "dba oracle backup performance_tuning",
        ),
        B(
            """Konsolidierung von MS-SQL-Server-Instanzen einer Bank. Aufbau von
          Always-On-Verfügbarkeitsgruppen, Migration von 60 Datenbanken, Tuning von T-SQL-
          Prozeduren, Dokumentation für den Betrieb.""",
            "dba sqlserver performance_tuning sql",
        ),
        B(
            """PostgreSQL-Plattform für eine Behörde. Aufbau hochverfügbarer Cluster mit Patroni,
          Backup-Konzept mit pgBackRest, Automatisierung mit Ansible, Schulung der Entwickler in
          Abfrageoptimierung.""",
            "dba postgresql backup ansible performance_tuning",
        ),
    ),
    roles_en=("Database Administrator", "Senior DBA", "Database Engineer"),
    roles_de=("Datenbankadministrator", "Senior DBA", "Datenbankberater"),
    stack=(
        "oracle",
        "postgresql",
        "sqlserver",
        "sql",
        "performance_tuning",
        "backup",
        "linux",
        "ansible",
        "bash",
        "mysql",
    ),
    neighbours=("data_engineering", "devops_cloud"),
)

SPECS = (DATA_ENGINEERING, DATA_SCIENCE, DEVOPS, DBA)
