# For packages.config projects: removes the analyzer references install.ps1 added.
param($installPath, $toolsPath, $package, $project)

if ($project.Object.SupportsPackageDependencyResolution) {
    if ($project.Object.SupportsPackageDependencyResolution()) { return }
}

$analyzers = Join-Path (Split-Path -Path $toolsPath -Parent) "analyzers\dotnet"
if (-not (Test-Path $analyzers)) { return }

$language = if ($project.Type -eq "VB.NET") { "vb" } else { "cs" }
$folder = Join-Path $analyzers $language
if (-not (Test-Path $folder)) { return }

if ($project.Object.AnalyzerReferences) {
    foreach ($assembly in Get-ChildItem -Path (Join-Path $folder "*.dll") -Exclude "*.resources.dll") {
        try {
            $project.Object.AnalyzerReferences.Remove($assembly.FullName)
        }
        catch {
            # Already removed by hand: nothing to do.
        }
    }
}
