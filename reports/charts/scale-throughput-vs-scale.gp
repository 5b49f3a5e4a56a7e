# Throughput vs records
# Written by dedupbench report. Regenerate from this directory: gnuplot scale-throughput-vs-scale.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'scale-throughput-vs-scale.svg'
set title 'Throughput vs records'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set xlabel 'records per run'
set logscale x 10
set xrange [8695.652173913044:11500000]
set xtics ('10k' 10000, '31.6k' 31623, '100k' 100000, '316k' 316228, '1M' 1000000, '3.16M' 3162278, '10M' 10000000)
set ylabel 'throughput (records/s)'
set logscale y 10
set yrange [50000:2000000]
set ytics ('50k' 50000, '100k' 100000, '200k' 200000, '500k' 500000, '1M' 1000000, '2M' 2000000)
set label 'bronze_append · records per run 10k: 343k [95% CI 328k–360k]' at 10000, 343030.1207880902 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 31.6k: 643k [95% CI 588k–754k]' at 31623, 642722.4617155018 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 100k: 1.07M [95% CI 972k–1.12M]' at 100000, 1072209.2046730241 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 316k: 1.44M [95% CI 1.39M–1.52M]' at 316228, 1444223.400051898 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 1M: 1.27M [95% CI 1.17M–1.41M]' at 1000000, 1270142.7450960816 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 3.16M: 1.09M [95% CI 1.08M–1.25M]' at 3162278, 1091444.803511372 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 10M: 1.29M [95% CI 1.21M–1.43M]' at 10000000, 1290790.554770543 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 10k: 78.5k [95% CI 78.2k–90k]' at 10000, 78483.96409953987 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 31.6k: 232k [95% CI 219k–243k]' at 31623, 232317.59573996352 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 100k: 501k [95% CI 499k–501k]' at 100000, 500572.34941281966 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 316k: 721k [95% CI 656k–905k]' at 316228, 721172.5628388504 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 1M: 785k [95% CI 778k–810k]' at 1000000, 784953.2380230791 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 3.16M: 729k [95% CI 724k–793k]' at 3162278, 729460.5944514825 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 10M: 816k [95% CI 735k–855k]' at 10000000, 815624.0673858295 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 10k: 377k [95% CI 330k–387k]' at 10000, 377339.6308298506 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 31.6k: 692k [95% CI 689k–748k]' at 31623, 691851.5139832806 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 100k: 949k [95% CI 852k–1.01M]' at 100000, 949313.8331984462 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 316k: 1.05M [95% CI 606k–1.06M]' at 316228, 1047719.7682535287 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 1M: 1.24M [95% CI 1.05M–1.34M]' at 1000000, 1243651.7676829472 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 3.16M: 1.1M [95% CI 952k–1.26M]' at 3162278, 1103716.3119950714 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 10M: 1.23M [95% CI 1.21M–1.24M]' at 10000000, 1230610.6665170689 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 10k: 105k [95% CI 101k–110k]' at 10000, 105129.75738031091 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 31.6k: 323k [95% CI 259k–324k]' at 31623, 322723.77642225084 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 100k: 575k [95% CI 526k–582k]' at 100000, 575112.3388689234 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 316k: 858k [95% CI 763k–870k]' at 316228, 858346.0241468187 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 1M: 799k [95% CI 777k–833k]' at 1000000, 798756.6941712634 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 3.16M: 717k [95% CI 652k–751k]' at 3162278, 716991.2156453965 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 10M: 835k [95% CI 703k–912k]' at 10000000, 834896.4811532322 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'scale-throughput-vs-scale.dat' index 0 using 1:2:3:4 with yerrorlines lc rgb '#4477aa' pt 7 dt 1 lw 2 ps 1.1 title 'bronze_append', \
     '' index 1 using 1:2:3:4 with yerrorlines lc rgb '#ee6677' pt 5 dt 2 lw 2 ps 1.1 title 'delta_merge', \
     '' index 2 using 1:2:3:4 with yerrorlines lc rgb '#228833' pt 9 dt 4 lw 2 ps 1.1 title 'eager_dedup', \
     '' index 3 using 1:2:3:4 with yerrorlines lc rgb '#ccbb44' pt 13 dt 5 lw 2 ps 1.1 title 'polars_merge'
unset label
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'scale-throughput-vs-scale.png'
replot
unset output
