@echo off
rem The learner's launcher on Windows: the same commands as ./workbook (see `workbook help`).
rem The lab kit's Java programs do the work, so this file only finds the lab and the class path.
setlocal EnableDelayedExpansion
cd /d "%~dp0"
set "ROOT=%CD%"
set "LABKIT_JAR=labs\labkit\target\labkit-1.0-SNAPSHOT.jar"
set "LABKIT_CP=labs\labkit\target\classpath.txt"
set "CMD=%~1"
if "%CMD%"=="" set "CMD=setup"

where java >nul 2>nul || (echo workbook: java is not on the PATH. Install a JDK 17 or newer. & exit /b 2)
where mvn >nul 2>nul || (echo workbook: mvn is not on the PATH. Install Maven 3.8 or newer. & exit /b 2)

if /i "%CMD%"=="help" goto :usage
if /i "%CMD%"=="setup" goto :setup
if /i "%CMD%"=="status" goto :status
if /i "%CMD%"=="test" goto :test
if /i "%CMD%"=="watch" goto :watch
if /i "%CMD%"=="hint" goto :hint
if /i "%CMD%"=="doctor" goto :doctor
if /i "%CMD%"=="reset" goto :reset
if /i "%CMD%"=="solution" goto :solution
if /i "%CMD%"=="toxiproxy" goto :toxiproxy
if /i "%CMD%"=="verify" goto :verify
echo workbook: unknown command '%CMD%'.
goto :usage_error

:build
if exist "%LABKIT_JAR%" if exist "%LABKIT_CP%" exit /b 0
echo Building the workbook (the lab kit, every lab and solution; no tests yet)...
if not exist target mkdir target
call mvn -B -q install -DskipTests > target\workbook-build.log 2>&1 || (echo workbook: the build failed; see target\workbook-build.log & exit /b 2)
exit /b 0

:classpath
call :build || exit /b 2
set /p DEPS=<"%LABKIT_CP%"
set "CP=%LABKIT_JAR%;%DEPS%"
exit /b 0

:findlab
rem %1 = lab number or name; sets LAB to labs\NN-slug
set "LAB="
if "%~1"=="" (echo workbook: which lab? Give its number, e.g. workbook test 04 & exit /b 2)
for /d %%D in (labs\%~1-* labs\%~1) do if exist "%%D\README.md" set "LAB=%%D"
if not defined LAB (echo workbook: there is no lab '%~1'. & exit /b 2)
exit /b 0

:setup
call :build || exit /b 2
echo Running every lab's tests once, on your code, to see where you stand.
set "MODULES="
for /f "tokens=2 delims=<>" %%M in ('findstr /r "<module>[0-9][0-9]-" labs\pom.xml') do (
  if defined MODULES (set "MODULES=!MODULES!,labs/%%M") else (set "MODULES=labs/%%M")
)
call mvn -B test -pl "%MODULES%" -Dmaven.test.failure.ignore=true > target\workbook-setup.log 2>&1
goto :status

:status
call :classpath || exit /b 2
java -cp "%CP%" workbook.labkit.progress.Status "%ROOT%"
exit /b %ERRORLEVEL%

:test
call :findlab %2 || exit /b 2
call :build || exit /b 2
set "TASKOPT="
if /i "%~3"=="--task" set "TASKOPT=-Dtask=%~4"
pushd "%LAB%"
call mvn -B test %TASKOPT%
set "RC=%ERRORLEVEL%"
popd
exit /b %RC%

:watch
call :findlab %2 || exit /b 2
call :classpath || exit /b 2
java -cp "%CP%" workbook.labkit.launcher.Watch "%ROOT%\%LAB%" %3 %4 %5
exit /b %ERRORLEVEL%

:hint
call :findlab %2 || exit /b 2
call :classpath || exit /b 2
for %%L in ("%LAB%") do set "SLUG=%%~nxL"
java -cp "%CP%" workbook.labkit.launcher.Hint "%ROOT%" "%SLUG%" %3
exit /b %ERRORLEVEL%

:doctor
call :classpath || exit /b 2
java -cp "%CP%" workbook.labkit.launcher.Doctor "%ROOT%"
exit /b %ERRORLEVEL%

:reset
call :findlab %2 || exit /b 2
if /i not "%~3"=="--yes" (
  set /p ANSWER=Replace your code in %LAB%\src\main\java with the starter from git? A backup is kept. [y/N] 
  if /i not "!ANSWER!"=="y" (echo Nothing changed. & exit /b 0)
)
for %%L in ("%LAB%") do set "SLUG=%%~nxL"
set "BACKUP=.workbook\backups\%SLUG%-%RANDOM%%RANDOM%"
mkdir "%BACKUP%" && xcopy /e /i /q "%LAB%\src\main\java" "%BACKUP%\java" >nul
rmdir /s /q "%LAB%\src\main\java"
git checkout HEAD -- "%LAB%/src/main/java" || (xcopy /e /i /q "%BACKUP%\java" "%LAB%\src\main\java" >nul & echo workbook: git could not restore the starter; your code is back. & exit /b 2)
echo Restored the starter of %LAB%. Your code is kept in %BACKUP%\java.
exit /b 0

:solution
call :findlab %2 || exit /b 2
if /i not "%~3"=="--diff" (echo workbook: use: workbook solution %2 --diff & exit /b 2)
for %%L in ("%LAB%") do set "SLUG=%%~nxL"
if not exist "solutions\%SLUG%\src\main\java" (echo workbook: this copy has no solutions. & exit /b 2)
if /i not "%~4"=="--yes" (
  set /p ANSWER=Show the reference solution of %SLUG% as a diff? It gives the answers away. [y/N] 
  if /i not "!ANSWER!"=="y" (echo Nothing changed. & exit /b 0)
)
git diff --no-index -- "%LAB%/src/main/java" "solutions/%SLUG%/src/main/java"
exit /b 0

:toxiproxy
call :classpath || exit /b 2
java -cp "%CP%" workbook.labkit.toxiproxy.ToxiproxyMain %2 %3 %4 %5
exit /b %ERRORLEVEL%

:verify
call mvn -B verify -Pcalibrate || exit /b 1
exit /b 0

:usage
echo Usage: workbook [command]
echo   (no command)       build, run every lab's tests once, and show where you stand
echo   status             every lab: tasks done and left, points, hints used, the next task
echo   test NN [--task N] run one lab's tests (the same as mvn test in labs\NN-slug; with --task, one task's)
echo   watch NN [--poll] [--task N]  rerun on every save in src\main\java, the current task first
echo   hint NN [task]     the next hint for the current task (or the task given)
echo   doctor             check Java, Maven, Docker, the servers, ports and disk space
echo   reset NN [--yes]   put the lab's starter code back (your code is backed up first)
echo   solution NN --diff [--yes]  how your code differs from the reference solution
echo   toxiproxy [--host 127.0.0.1] [--port 8474]  run the lab kit's Toxiproxy on its own, until Ctrl+C
echo   verify             the full check: build, lab kit tests, calibration
exit /b 0

:usage_error
call :usage
exit /b 2
